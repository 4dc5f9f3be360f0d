package io.rectify.casefile;

import java.util.List;

import io.rectify.directory.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case opened with the evidence it was found with, in one transaction: if a file cannot be
 * stored, there is no case, no process, no case number used up (its counter's increment rolls back
 * with it) and no file left on disk.
 */
@Service
public class CaseOpening {

    private final CaseService cases;
    private final AttachmentService attachments;

    CaseOpening(CaseService cases, AttachmentService attachments) {
        this.cases = cases;
        this.attachments = attachments;
    }

    @Transactional
    public RectificationCase open(Actor actor, OpenCase command, List<Evidence> evidence) {
        RectificationCase opened = cases.open(actor, command);
        attachments.storeAll(actor, opened.id(), evidence);
        return opened;
    }
}
