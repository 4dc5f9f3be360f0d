package io.rectify.system.security;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface PasswordHistoryRepository extends Repository<PasswordHistoryEntry, Long> {

    PasswordHistoryEntry save(PasswordHistoryEntry entry);

    /** The most recent passwords first. */
    List<PasswordHistoryEntry> findByUsernameOrderByIdDesc(String username, Limit limit);
}
