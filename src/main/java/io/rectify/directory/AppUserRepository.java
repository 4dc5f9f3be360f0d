package io.rectify.directory;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    /** The account row locked for this transaction: concurrent failed logins each count. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.username = :username")
    Optional<AppUser> findForUpdate(@Param("username") String username);

    List<AppUser> findAllByOrderByUsername();

    /** The accounts of a body that may still sign in: they keep it from being deactivated. */
    List<AppUser> findByOrgCodeAndEnabledTrueOrderByUsername(String orgCode);
}
