package io.rectify.system.security;

import io.rectify.directory.BodyApproval;
import io.rectify.directory.Organization;
import io.rectify.system.web.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The security administrator approves an office or supervision body the system administrator created. */
@RestController
class BodyApprovalApi {

    private final BodyApproval approval;
    private final CurrentActor currentActor;

    BodyApprovalApi(BodyApproval approval, CurrentActor currentActor) {
        this.approval = approval;
        this.currentActor = currentActor;
    }

    /** 200 with the body; 404 when there is none, 409 when it is not pending. */
    @PostMapping("/api/security/bodies/{code}/approve")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    ApprovedBody approve(@PathVariable String code) {
        Organization body = approval.approve(currentActor.get(), code);
        return new ApprovedBody(body.code(), body.kind().name(), body.regionCode(), body.approved());
    }

    record ApprovedBody(String code, String kind, String regionCode, boolean approved) {
    }
}
