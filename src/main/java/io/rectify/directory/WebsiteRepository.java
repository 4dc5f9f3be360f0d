package io.rectify.directory;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WebsiteRepository extends JpaRepository<Website, Long> {

    Optional<Website> findByUrl(String url);
}
