package io.rectify.workflow.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.notification.NotificationSettings;
import io.rectify.workflow.internal.engine.EngineClock;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;

/**
 * The workflow module's delegates exactly as the application makes them: every {@code @Bean} method
 * of {@link Delegates}, under its bean name (the method's name, as Spring names it), with its
 * parameters taken from the given collaborators by type. A delegate added to {@link Delegates}
 * appears here without a line of test code; one whose collaborator is missing fails loudly.
 */
public final class RealDelegates {

    private RealDelegates() {
    }

    /** The {@code orderReminders} of the reminder timer's cycle, over the engine's clock, reminding at {@code reminderDays}. */
    public static OrderReminders orderReminders(WorkingDayCalendar calendar, List<Integer> reminderDays) {
        return new OrderReminders(calendar, new NotificationSettings("", "", "rectify@localhost", reminderDays),
                EngineClock.utc());
    }

    public static Map<String, JavaDelegate> of(List<Object> collaborators) {
        Map<String, JavaDelegate> delegates = new LinkedHashMap<>();
        Delegates configuration = new Delegates();
        for (Method method : Delegates.class.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Bean.class)) {
                continue;
            }
            Object[] arguments = Arrays.stream(method.getParameterTypes())
                    .map(type -> collaborators.stream().filter(type::isInstance).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " for the delegate "
                                    + method.getName())))
                    .toArray();
            try {
                method.setAccessible(true);
                delegates.put(method.getName(), (JavaDelegate) method.invoke(configuration, arguments));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot make the delegate " + method.getName(), e);
            }
        }
        return delegates;
    }
}
