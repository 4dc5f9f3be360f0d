package io.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.rectify.process.CaseTasks;
import io.rectify.process.PublicReportTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.junit.jupiter.api.Test;

/** The task handlers are checked against the user tasks of bpmn/ before the application takes a request. */
class TaskHandlersTests {

    private static final ProcessModels MODELS = new ProcessModels();

    @Test
    void everyUserTaskOfTheModelsIsDoneByTheHandlerOfItsKey() {
        List<TaskHandler> handlers = handlersFor(allTaskKeys());

        TaskHandlers byKey = new TaskHandlers(handlers, MODELS);

        for (TaskHandler handler : handlers) {
            assertThat(byKey.of(handler.taskKey())).isSameAs(handler);
        }
    }

    @Test
    void aUserTaskWithoutAHandlerStopsTheStart() {
        List<TaskHandler> handlers = handlersFor(allTaskKeys().filter(key -> !key.equals(CaseTasks.VERIFY)));

        assertThatThrownBy(() -> new TaskHandlers(handlers, MODELS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a task handler: [verify]");
    }

    @Test
    void aHandlerWithoutAUserTaskStopsTheStart() {
        List<TaskHandler> handlers = handlersFor(Stream.concat(allTaskKeys(), Stream.of("approveBudget")));

        assertThatThrownBy(() -> new TaskHandlers(handlers, MODELS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a user task in bpmn/: [approveBudget]");
    }

    @Test
    void twoHandlersForOneTaskStopTheStart() {
        List<TaskHandler> handlers = new ArrayList<>(handlersFor(allTaskKeys()));
        handlers.add(handler(CaseTasks.RESPOND));

        assertThatThrownBy(() -> new TaskHandlers(handlers, MODELS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than one task handler for [respond]");
    }

    private static Stream<String> allTaskKeys() {
        return Stream.of(CaseTasks.ISSUE_ORDER, CaseTasks.RESPOND, CaseTasks.VERIFY, CaseTasks.DECIDE_EXTENSION,
                CaseTasks.REVIEW_ESCALATION, CaseTasks.RECORD_SANCTIONS, PublicReportTasks.TRIAGE, PublicReportTasks.REPLY,
                PublicReportTasks.REVIEW);
    }

    private static List<TaskHandler> handlersFor(Stream<String> keys) {
        return keys.map(TaskHandlersTests::handler).toList();
    }

    private static TaskHandler handler(String key) {
        return new TaskHandler(key, (caseId, actor, values) -> Routing.none());
    }
}
