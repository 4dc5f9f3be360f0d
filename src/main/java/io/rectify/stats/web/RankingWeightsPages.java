package io.rectify.stats.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.stats.Ranking;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator sets the ranking's weights: every change a new version, shown with those before it. */
@PageController
class RankingWeightsPages {

    static final String VIEW_WEIGHTS = "stats/weights";
    /** the form's fields, by component */
    static final Map<String, String> FIELDS = Ranking.FIELDS;

    private final Ranking ranking;
    private final CurrentActor currentActor;

    RankingWeightsPages(Ranking ranking, CurrentActor currentActor) {
        this.ranking = ranking;
        this.currentActor = currentActor;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/admin/ranking-weights")
    String show(Model model) {
        Map<String, String> values = new HashMap<>();
        ranking.weights().byComponent().forEach((component, w) -> values.put(FIELDS.get(component), String.valueOf(w)));
        return page(model, values, Map.of());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/admin/ranking-weights")
    String set(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        FIELDS.forEach((component, field) -> {
            try {
                weights.put(component, Integer.valueOf(form.getOrDefault(field, "").strip()));
            } catch (NumberFormatException e) {
                errors.put(field, "stats.weight.range");
            }
        });
        if (errors.isEmpty()) {
            try {
                ranking.setWeights(currentActor.get(), weights);
                redirect.addFlashAttribute("notice", "stats.weights.saved");
                return "redirect:/admin/ranking-weights";
            } catch (InvalidInputException rejected) {
                for (FieldProblem p : rejected.problems()) {
                    errors.put(p.field(), p.code());
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, form, errors);
    }

    private String page(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("fields", Ranking.COMPONENTS.stream()
                .map(component -> Map.of("component", component, "field", FIELDS.get(component))).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("history", ranking.history());
        return VIEW_WEIGHTS;
    }
}
