package io.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import io.rectify.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job executor takes only jobs of deployments registered with this node, and the process
 * application registers every deployment of the product's processes. The cluster test
 * ({@code ClusterTests}, PostgreSQL) shows the same across a restart with a changed model.
 */
class DeploymentAwareJobsTests extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Test
    void theJobExecutorIsDeploymentAwareAndEveryDeploymentOfTheProductsProcessesIsRegistered() {
        assertThat(engine.getProcessEngineConfiguration().isJobExecutorDeploymentAware()).isTrue();

        Set<String> deploymentsOfTheProduct = repository.createProcessDefinitionQuery()
                .processDefinitionKeysIn(CaseProcess.KEY, CaseProcess.SUPERVISION_KEY).list().stream()
                .map(ProcessDefinition::getDeploymentId).collect(Collectors.toSet());
        assertThat(deploymentsOfTheProduct).isNotEmpty();
        assertThat(management.getRegisteredDeployments()).containsAll(deploymentsOfTheProduct);
    }
}
