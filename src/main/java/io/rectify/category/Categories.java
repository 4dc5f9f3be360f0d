package io.rectify.category;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The twelve case categories of the regulation (migration 3). Only a migration changes them, and
 * a migration runs before any node of the new release starts, so each node reads them once, at
 * their first use: opening a case asks for its category and needs no statement for it.
 */
@Service
@Transactional(readOnly = true)
public class Categories {

    private final CategoryRepository repository;
    private final DeadlinePolicy deadlinePolicy;
    private volatile Map<String, Category> byCode;

    Categories(CategoryRepository repository, DeadlinePolicy deadlinePolicy) {
        this.repository = repository;
        this.deadlinePolicy = deadlinePolicy;
    }

    /** In the regulation's order. */
    public List<Category> all() {
        return List.copyOf(byCode().values());
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode().get(code));
    }

    public int defaultPeriodWorkingDays(String code) {
        return deadlinePolicy.defaultPeriodWorkingDays(code);
    }

    private Map<String, Category> byCode() {
        Map<String, Category> read = byCode;
        if (read == null) {
            Map<String, Category> ordered = new LinkedHashMap<>();
            repository.findAllByOrderBySortOrder().forEach(category -> ordered.put(category.code(), category));
            read = Collections.unmodifiableMap(ordered);
            byCode = read;
        }
        return read;
    }
}
