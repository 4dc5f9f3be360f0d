package io.rectify.workflow.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.junit.jupiter.api.Test;

/** The entity manager refuses the ids the engine refuses, with the engine's message, and describes no valid row. */
class LazyIdCheckEntityManagerTest {

    private final LazyIdCheckEntityManager manager = new LazyIdCheckEntityManager(null, null);

    /** A row with this id; describing it fails the test unless it may be described. */
    private static DbEntity row(String id, boolean mayBeDescribed) {
        return new DbEntity() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public void setId(String ignored) {
            }

            @Override
            public Object getPersistentState() {
                return id;
            }

            @Override
            public String toString() {
                if (!mayBeDescribed) {
                    throw new AssertionError("a valid row was described");
                }
                return "Row[" + id + "]";
            }
        };
    }

    @Test
    void aValidIdPassesWithoutTheRowBeingDescribed() {
        assertThatCode(() -> manager.validateId(row("a5f0c3d2-0000-4000-8000-000000000001", false))).doesNotThrowAnyException();
        assertThatCode(() -> manager.validateId(row("notification-42", false))).doesNotThrowAnyException();
    }

    @Test
    void noIdIsRefusedWithTheEnginesMessage() {
        assertThatThrownBy(() -> manager.validateId(row(null, true)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity Row[null] has an invalid id")
                .hasMessageContaining("id is null");
    }

    @Test
    void theReservedIdIsRefusedWithTheEnginesMessage() {
        assertThatThrownBy(() -> manager.validateId(row("*", true)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity Row[*] has an invalid id")
                .hasMessageContaining("cannot be *");
    }
}
