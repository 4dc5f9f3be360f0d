package io.rectify.workflow.process;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.RectificationCase;
import io.rectify.notification.Notifications;
import io.rectify.workflow.internal.CaseNotices;
import io.rectify.supervision.SupervisionReviews;
import io.rectify.workflow.internal.RealDelegates;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The delegates of the process tests' engine: the workflow module's real ones ({@link RealDelegates}),
 * put in the engine's beans map under their bean names, with the modules' services stubbed at their
 * boundary (Mockito) and the product's working-day calendar. Each remembers the cases (business
 * keys) it ran for. So a variable a delegate reads or writes under another name than the model's
 * fails a process test.
 *
 * <p>Only {@code deliverNotification}, the relay of the delivery process of earlier releases, stays
 * a stand-in ({@link DeliverNotification}, registered in {@code camunda.cfg.xml}): its class is also
 * the outbox's job handler, made from the engine's configuration, and it reads one variable the
 * case processes never see.
 */
final class TestDelegates {

    /** What {@code cases.load(caseId).deadline()} gives until a test says otherwise. */
    static final LocalDate LAST_WORKING_DAY = LocalDate.of(2026, 9, 25);

    /** The reminder days of the process tests' {@code orderReminders}, the product's default. */
    static final List<Integer> REMINDER_DAYS = List.of(3, 1);

    final CaseService cases = mock(CaseService.class);
    final Notifications notifications = mock(Notifications.class);
    final SupervisionReviews reviews = mock(SupervisionReviews.class);
    private final Object orderReminders;
    private final Map<String, Recording> delegates = new LinkedHashMap<>();
    private volatile LocalDate deadline = LAST_WORKING_DAY;

    private TestDelegates(ProcessEngine engine) {
        RectificationCase theCase = mock(RectificationCase.class);
        when(theCase.deadline()).thenAnswer(invocation -> deadline);
        when(cases.load(anyString())).thenReturn(theCase);
        when(cases.markOverdue(anyString())).thenReturn(true);
        when(notifications.remind(anyString(), anyString(), anyString(), anyInt())).thenReturn(true);
        WorkingDayCalendar calendar = new WorkingDayCalendar();
        orderReminders = RealDelegates.orderReminders(calendar, REMINDER_DAYS);
        RealDelegates.of(List.of(cases, notifications, new CaseNotices(notifications, cases), reviews, calendar,
                        orderReminders, engine.getRuntimeService(), engine.getManagementService()))
                .forEach((name, delegate) -> delegates.put(name, new Recording(delegate)));
    }

    /**
     * Fresh delegates over fresh stubs in {@code engine}'s beans map, and the stand-in's record
     * forgotten: each test starts from nothing.
     */
    static TestDelegates install(ProcessEngine engine) {
        TestDelegates installed = new TestDelegates(engine);
        Map<Object, Object> beans = beans(engine);
        beans.putAll(installed.delegates);
        beans.put("orderReminders", installed.orderReminders);
        ((DeliverNotification) beans.get("deliverNotification")).forget();
        return installed;
    }

    /** The stand-in {@code deliverNotification} of {@code engine}. */
    static DeliverNotification deliverer(ProcessEngine engine) {
        return (DeliverNotification) beans(engine).get("deliverNotification");
    }

    /** The business keys of the cases the delegate {@code beanName} ran for, once per run. */
    List<String> ranFor(String beanName) {
        Recording delegate = delegates.get(beanName);
        if (delegate == null) {
            throw new IllegalArgumentException("no delegate " + beanName);
        }
        return List.copyOf(delegate.cases);
    }

    /** The case's deadline as the case module gives it from now on (an extension granted, say). */
    void deadlineIs(LocalDate lastWorkingDay) {
        deadline = lastWorkingDay;
    }

    private static Map<Object, Object> beans(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans();
    }

    /** A real delegate that first notes the case it runs for. */
    private static final class Recording implements JavaDelegate {

        private final JavaDelegate real;
        private final List<String> cases = new CopyOnWriteArrayList<>();

        Recording(JavaDelegate real) {
            this.real = real;
        }

        @Override
        public void execute(DelegateExecution execution) throws Exception {
            cases.add(execution.getProcessBusinessKey());
            real.execute(execution);
        }
    }

    /**
     * {@code deliverNotification}: hands the message over, or fails as an unreachable receiver does
     * while {@link #receiverDown} is set; remembers the deliveries (business keys) it ran for.
     */
    public static class DeliverNotification implements JavaDelegate {

        private final List<String> deliveries = new CopyOnWriteArrayList<>();
        private volatile boolean receiverDown;

        public void receiverDown(boolean down) {
            receiverDown = down;
        }

        @Override
        public void execute(DelegateExecution execution) {
            deliveries.add(execution.getProcessBusinessKey());
            if (receiverDown) {
                throw new IllegalStateException("receiver unreachable");
            }
        }

        List<String> ranFor() {
            return List.copyOf(deliveries);
        }

        void forget() {
            deliveries.clear();
            receiverDown = false;
        }
    }
}
