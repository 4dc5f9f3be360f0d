package io.rectify;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApplicationStartsTests extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void engineStartsOnTheSchemaFlywayCreated() {
        assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_TASK");
    }
}
