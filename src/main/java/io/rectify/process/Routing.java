package io.rectify.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a step hands to its process, built from typed {@link ProcessVariable}s. Only what
 * routing needs: the case row is the truth. Each variable set costs the engine statements, so a
 * step sets only what it changed.
 */
public final class Routing {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private Routing() {
    }

    /** No variables: the process routes on what it holds already. */
    public static Routing none() {
        return new Routing();
    }

    public static <T> Routing of(ProcessVariable<T> variable, T value) {
        return new Routing().with(variable, value);
    }

    public <T> Routing with(ProcessVariable<T> variable, T value) {
        values.put(variable.name(), variable.type().cast(value));
        return this;
    }

    public Routing with(Routing more) {
        values.putAll(more.values);
        return this;
    }

    /** The variables by name, in the order they were set. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
