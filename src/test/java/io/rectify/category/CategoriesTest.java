package io.rectify.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The categories are read once per node, in the regulation's order; only a migration changes them. */
class CategoriesTest {

    @Test
    void categoriesAreReadOnceAndKeptInTheRegulationsOrder() {
        CategoryRepository repository = mock(CategoryRepository.class);
        when(repository.findAllByOrderBySortOrder()).thenReturn(List.of(category("A33-01"), category("A33-02"),
                category("A34-01")));
        Categories categories = new Categories(repository, null);

        assertThat(categories.find("A33-02")).map(Category::code).contains("A33-02");
        assertThat(categories.find("A35-01")).isEmpty();
        assertThat(categories.find(null)).isEmpty();
        assertThat(categories.all()).extracting(Category::code).containsExactly("A33-01", "A33-02", "A34-01");
        verify(repository, times(1)).findAllByOrderBySortOrder();
    }

    private static Category category(String code) {
        Category category = new Category();
        ReflectionTestUtils.setField(category, "code", code);
        return category;
    }
}
