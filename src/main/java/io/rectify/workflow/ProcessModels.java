package io.rectify.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The models of bpmn/ this release deploys, read once from the classpath at startup: what Java
 * takes from the model itself (the user tasks that need a handler, the names of the steps).
 */
@Component
class ProcessModels {

    static final String LOCATION = "classpath*:bpmn/*.bpmn";

    private final List<BpmnModelInstance> models;

    ProcessModels() {
        this.models = read(LOCATION);
    }

    List<BpmnModelInstance> all() {
        return models;
    }

    private static List<BpmnModelInstance> read(String location) {
        try {
            List<BpmnModelInstance> models = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
                try (InputStream in = resource.getInputStream()) {
                    models.add(Bpmn.readModelFromStream(in));
                }
            }
            if (models.isEmpty()) {
                throw new IllegalStateException("no process model at " + location);
            }
            return List.copyOf(models);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the process models at " + location, e);
        }
    }
}
