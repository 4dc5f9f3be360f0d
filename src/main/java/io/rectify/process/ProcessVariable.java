package io.rectify.process;

import java.util.Date;
import java.util.Objects;
import java.util.function.Function;

/**
 * A process variable: its name, written once in Java, and the type of its value, as holunda's
 * camunda-bpm-data declares {@code booleanVariable("accepted")}. The engine never sees this type;
 * the workflow module reads and writes through it, the modules' task handlers route with it.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public ProcessVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static ProcessVariable<String> stringVariable(String name) {
        return new ProcessVariable<>(name, String.class);
    }

    public static ProcessVariable<Boolean> booleanVariable(String name) {
        return new ProcessVariable<>(name, Boolean.class);
    }

    public static ProcessVariable<Integer> integerVariable(String name) {
        return new ProcessVariable<>(name, Integer.class);
    }

    /** A date the engine reads in a timer or a due date expression. */
    public static ProcessVariable<Date> dateVariable(String name) {
        return new ProcessVariable<>(name, Date.class);
    }

    /**
     * This variable's value as {@code lookup} gives it by name ({@code execution::getVariable},
     * {@code map::get}); null when it is not set, a {@link ClassCastException} when it holds another type.
     */
    public T from(Function<String, ?> lookup) {
        return type.cast(lookup.apply(name));
    }
}
