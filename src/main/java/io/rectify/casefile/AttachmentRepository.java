package io.rectify.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, String> {

    List<Attachment> findByCaseIdOrderByUploadedAt(String caseId);

    Optional<Attachment> findByIdAndCaseId(String id, String caseId);
}
