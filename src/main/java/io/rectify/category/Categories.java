package io.rectify.category;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class Categories {

    private final CategoryRepository repository;
    private final DeadlinePolicy deadlinePolicy;

    Categories(CategoryRepository repository, DeadlinePolicy deadlinePolicy) {
        this.repository = repository;
        this.deadlinePolicy = deadlinePolicy;
    }

    public List<Category> all() {
        return repository.findAllByOrderBySortOrder();
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : repository.findById(code);
    }

    public int defaultPeriodWorkingDays(String code) {
        return deadlinePolicy.defaultPeriodWorkingDays(code);
    }
}
