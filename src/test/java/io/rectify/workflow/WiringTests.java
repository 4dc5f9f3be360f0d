package io.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.rectify.IntegrationTest;
import io.rectify.category.Categories;
import io.rectify.form.FormCatalog;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every delegate expression of the deployed models is a bean, every form key has its file. */
class WiringTests extends IntegrationTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    ApplicationContext context;

    @Autowired
    FormCatalog forms;

    @Autowired
    Categories categories;

    @Test
    void everyProcessOfBpmnIsDeployed() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .extracting(ProcessDefinition::getKey)
                .contains(CaseProcess.KEY, CaseProcess.SUPERVISION_KEY);
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .extracting(d -> d.getKey())
                .contains(CaseProcess.DECISION_SERIOUSNESS, CaseProcess.DECISION_DEADLINE_POLICY);
    }

    @Test
    void everyDelegateExpressionIsAJavaDelegateBean() {
        for (BpmnModelInstance model : models()) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                assertDelegate(task.getCamundaDelegateExpression(), task.getId());
            }
            for (MessageEventDefinition message : model.getModelElementsByType(MessageEventDefinition.class)) {
                if (message.getCamundaDelegateExpression() != null) {
                    assertDelegate(message.getCamundaDelegateExpression(), message.getId());
                }
            }
        }
    }

    @Test
    void everyFormKeyHasItsFileForEveryCategory() {
        int checked = 0;
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                for (var category : categories.all()) {
                    String formKey = task.getCamundaFormKey().replace("${categoryCode}", category.code());
                    assertThat(forms.find(formKey)).as("form of %s for %s", task.getId(), category.code()).isPresent();
                    checked++;
                }
            }
        }
        // six user tasks of the case processes and three of the public error reports'
        assertThat(checked).isEqualTo(9 * 12);
    }

    private void assertDelegate(String expression, String elementId) {
        assertThat(expression).as(elementId).matches("\\$\\{\\w+}");
        String bean = expression.substring(2, expression.length() - 1);
        assertThat(context.getBean(bean)).as("bean of %s", elementId).isInstanceOf(JavaDelegate.class);
    }

    private List<BpmnModelInstance> models() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(d -> repository.getBpmnModelInstance(d.getId()))
                .toList();
    }
}
