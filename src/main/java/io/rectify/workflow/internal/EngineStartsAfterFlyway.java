package io.rectify.workflow.internal;

import java.util.Arrays;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/** The engine checks its schema when it starts, so Flyway must have created it first. */
@Component
class EngineStartsAfterFlyway implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition("flywayInitializer")) {
            return;
        }
        for (String name : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
            BeanDefinition definition = beanFactory.getBeanDefinition(
                    name.startsWith(BeanFactory.FACTORY_BEAN_PREFIX) ? name.substring(1) : name);
            String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
            String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
            extended[dependsOn.length] = "flywayInitializer";
            definition.setDependsOn(extended);
        }
    }
}
