package io.rectify.workflow.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.rectify.casefile.AttachmentService;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.Evidence;
import io.rectify.casefile.web.CaseViews;
import io.rectify.directory.Actor;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.form.FormSubmission;
import io.rectify.form.FormValidator;
import io.rectify.form.web.FormViews;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.UnsupportedTypeException;
import io.rectify.process.CaseTasks;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import io.rectify.workflow.StepNames;
import io.rectify.workflow.TaskSubmissions;
import io.rectify.workflow.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task as a page: its form rendered from the task's schema in {@code forms/}, completed
 * through the same {@link Tasks} facade as the API. A refused submission comes back with every
 * value as typed and each error beside its field.
 */
@PageController
class TaskPages {

    static final String VIEW = "tasks/task";
    /** The file input of a respond form: evidence stored as case attachments with the report. */
    static final String EVIDENCE = "evidence";
    /** The {@link FormViews#ACTION} of a button that shows what the typed values would give, submitting nothing. */
    static final String PREVIEW = "preview";

    private final Tasks tasks;
    private final TaskSubmissions submissions;
    private final CaseService cases;
    private final CaseViews views;
    private final AttachmentService attachments;
    private final MessageSource messages;
    private final StepNames stepNames;
    private final CurrentActor currentActor;
    private final Map<String, TaskPageContext> contexts;
    private final NextStep nextStep;

    TaskPages(Tasks tasks, TaskSubmissions submissions, CaseService cases, CaseViews views,
              AttachmentService attachments, MessageSource messages, StepNames stepNames,
              CurrentActor currentActor, List<TaskPageContext> contexts, NextStep nextStep) {
        this.tasks = tasks;
        this.submissions = submissions;
        this.cases = cases;
        this.views = views;
        this.attachments = attachments;
        this.messages = messages;
        this.stepNames = stepNames;
        this.currentActor = currentActor;
        this.contexts = contexts.stream().collect(Collectors.toMap(TaskPageContext::taskKey, c -> c));
        this.nextStep = nextStep;
    }

    @GetMapping("/tasks/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable String id, Model model, Locale locale) {
        Actor actor = currentActor.get();
        Tasks.TaskDetail task = tasks.get(actor, id); // 404 / 403 as in the API
        TaskPageContext context = contexts.get(task.taskKey());
        return page(task, context == null ? Map.of() : context.initialValues(actor, task, locale), List.of(), null,
                model, locale);
    }

    @PostMapping("/tasks/{id}")
    @PreAuthorize("isAuthenticated()")
    String complete(@PathVariable String id, @RequestParam Map<String, String> params,
                    @RequestParam(name = EVIDENCE, required = false) List<MultipartFile> evidence,
                    Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        Tasks.TaskDetail task = tasks.get(actor, id);
        Optional<Map<String, String>> listAction = FormViews.applyListAction(task.definition(), params,
                params.get(FormViews.ACTION));
        if (listAction.isPresent()) {
            // a person adding or removing a line of a list: show the form again, nothing is submitted
            return page(task, listAction.get(), List.of(), null, model, locale);
        }
        if (PREVIEW.equals(params.get(FormViews.ACTION))) {
            // what the values would give (an order's deadline), without JavaScript: the form again, nothing submitted
            return page(task, FormViews.fieldValues(params), List.of(), null, model, locale);
        }
        Map<String, String> values = FormViews.fieldValues(params);
        List<MultipartFile> files = evidence == null ? List.of() : evidence.stream().filter(f -> !f.isEmpty()).toList();
        if (!files.isEmpty()) {
            // evidence is stored only with a report the form accepts, and only files the case accepts
            FormSubmission checked = FormValidator.validate(task.definition(), values);
            String fileError = fileError(files, locale);
            if (!checked.valid() || fileError != null) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return page(task, values, checked.errors(), fileError, model, locale);
            }
        }
        long told = nextStep.mark(task.caseId());
        try {
            submissions.complete(actor, id, task.caseId(), values,
                    files.stream().map(file -> new Evidence(file.getOriginalFilename(), bytes(file))).toList());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(task, values, e.problems(), null, model, locale);
        } catch (ConflictException e) {
            if (e.code() == null) {
                throw e; // someone else was quicker: the 409 page
            }
            // a rule of the case (e.g. no extension once the deadline passed): the form again, with the rule
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", e.code());
            return page(task, values, List.of(), null, model, locale);
        }
        // what happens next: who has the case now, by when, and who was told
        redirect.addFlashAttribute("flash", NextStep.FLASH);
        redirect.addFlashAttribute("flashArg", nextStep.after(stepNames.of(task.taskKey(), task.name(), locale),
                task.caseId(), told, locale));
        return "redirect:/cases/" + task.caseId();
    }

    private String page(Tasks.TaskDetail task, Map<String, String> values, List<FieldProblem> errors, String fileError,
                        Model model, Locale locale) {
        Actor actor = currentActor.get();
        model.addAttribute("task", task);
        model.addAttribute("taskName", stepNames.of(task.taskKey(), task.name(), locale));
        model.addAttribute("c", views.of(actor, cases.visible(actor, task.caseId())));
        TaskPageContext context = contexts.get(task.taskKey());
        model.addAttribute("form", FormViews.of(task.definition(), values, errors, messages, locale,
                context == null ? Map.of() : context.options(actor, task, locale)));
        model.addAttribute("evidence", CaseTasks.RESPOND.equals(task.taskKey()));
        model.addAttribute("fileError", fileError);
        if (context != null) {
            context.addTo(model, actor, task, locale);
            model.addAttribute("contextFragment", "tasks/context/" + task.taskKey());
            model.addAttribute("contextFirst", context.first());
        }
        return VIEW;
    }

    /** The first file the case would refuse, as a message; null when every file is acceptable. */
    private String fileError(List<MultipartFile> files, Locale locale) {
        List<String> refused = new ArrayList<>();
        for (MultipartFile file : files) {
            try {
                attachments.check(file.getOriginalFilename(), bytes(file));
            } catch (UnsupportedTypeException e) {
                refused.add(messages.getMessage("page.evidence.type", null, e.getMessage(), locale));
            } catch (InvalidInputException e) {
                var p = e.problems().get(0);
                refused.add(messages.getMessage(p.code(), p.args().toArray(), p.defaultMessage(), locale));
            }
        }
        return refused.isEmpty() ? null : refused.get(0);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
