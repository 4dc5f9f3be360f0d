package io.rectify.category.web;

import java.util.List;

import io.rectify.category.Categories;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/categories")
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping
    List<CategoryView> list() {
        return categories.all().stream()
                .map(c -> new CategoryView(c.code(), c.article(), c.nameZh(), c.nameEn(),
                        categories.defaultPeriodWorkingDays(c.code()), c.legalText(), c.orderDemand()))
                .toList();
    }

    record CategoryView(String code, String article, String nameZh, String nameEn, int defaultPeriodWorkingDays,
                        String legalText, String orderDemand) {
    }
}
