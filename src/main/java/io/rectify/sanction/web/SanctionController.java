package io.rectify.sanction.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rectify.casefile.CaseService;
import io.rectify.sanction.Sanction;
import io.rectify.sanction.SanctionService;
import io.rectify.system.web.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sanctions")
class SanctionController {

    private final SanctionService sanctions;
    private final CaseService cases;
    private final CurrentActor currentActor;

    SanctionController(SanctionService sanctions, CaseService cases, CurrentActor currentActor) {
        this.sanctions = sanctions;
        this.cases = cases;
        this.currentActor = currentActor;
    }

    @GetMapping
    List<SanctionView> search(@RequestParam(required = false) String personName,
                              @RequestParam(required = false) String orgCode) {
        List<Sanction> found = sanctions.search(currentActor.get(), personName, orgCode);
        Map<String, String> caseNumbers = cases.caseNumbers(found.stream().map(Sanction::caseId).collect(Collectors.toSet()));
        return found.stream()
                .map(s -> new SanctionView(s.caseId(), caseNumbers.get(s.caseId()), s.personName(), s.post(),
                        s.orgCode(), s.responsibility().name(), s.type().name(), s.decisionNumber(), s.decisionDate(),
                        s.periodEnds(), s.executed()))
                .toList();
    }

    record SanctionView(String caseId, String caseNumber, String personName, String post, String orgCode,
                        String responsibility, String type, String decisionNumber, LocalDate decisionDate,
                        LocalDate periodEnds, boolean executed) {
    }
}
