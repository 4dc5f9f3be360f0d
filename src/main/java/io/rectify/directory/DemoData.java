package io.rectify.directory;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo bodies, users and websites of API.md, seeded in the default profile only
 * ({@code rectify.demo=true}); every password is {@value #PASSWORD}. Seeding is idempotent.
 */
@Component
@ConditionalOnProperty(name = "rectify.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final RegionRepository regions;
    private final OrganizationRepository organizations;
    private final AppUserRepository users;
    private final WebsiteRepository websites;
    private final PasswordEncoder passwords;
    private final Clock clock;

    DemoData(RegionRepository regions, OrganizationRepository organizations, AppUserRepository users,
             WebsiteRepository websites, PasswordEncoder passwords, Clock clock) {
        this.regions = regions;
        this.organizations = organizations;
        this.users = users;
        this.websites = websites;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (regions.existsById("JX")) {
            return;
        }
        regions.saveAll(List.of(
                new Region("JX", "江西省", "Jiangxi Province", null),
                new Region("NC", "南昌市", "Nanchang", "JX"),
                new Region("GZ", "赣州市", "Ganzhou", "JX")));
        organizations.saveAll(List.of(
                new Organization("JX-GOV-OFFICE", "江西省人民政府办公厅", "General Office of the Jiangxi Provincial Government", OrgKind.OFFICE, "JX", "赣府办整改"),
                new Organization("JX-SUPERVISION", "江西省监察委员会", "Jiangxi Provincial Supervisory Commission", OrgKind.SUPERVISION, "JX", null),
                new Organization("JX-EDU", "江西省教育厅", "Jiangxi Department of Education", OrgKind.DEPARTMENT, "JX", null),
                new Organization("JX-HEALTH", "江西省卫生健康委员会", "Jiangxi Health Commission", OrgKind.DEPARTMENT, "JX", null),
                new Organization("NC-GOV-OFFICE", "南昌市人民政府办公室", "General Office of the Nanchang Municipal Government", OrgKind.OFFICE, "NC", "洪府办整改"),
                new Organization("NC-SUPERVISION", "南昌市监察委员会", "Nanchang Supervisory Commission", OrgKind.SUPERVISION, "NC", null),
                new Organization("NC-EDU", "南昌市教育局", "Nanchang Education Bureau", OrgKind.DEPARTMENT, "NC", null),
                new Organization("GZ-GOV-OFFICE", "赣州市人民政府办公室", "General Office of the Ganzhou Municipal Government", OrgKind.OFFICE, "GZ", "赣市府办整改"),
                new Organization("GZ-EDU", "赣州市教育局", "Ganzhou Education Bureau", OrgKind.DEPARTMENT, "GZ", null)));
        String hash = passwords.encode(PASSWORD);
        users.saveAll(List.of(
                user("jx.office", "省政府办公厅督查员", Role.SUPERVISOR, "JX-GOV-OFFICE", hash),
                user("jx.supervision", "省监委审查员", Role.SUPERVISION, "JX-SUPERVISION", hash),
                user("jx.edu", "省教育厅网站负责人", Role.RESPONDER, "JX-EDU", hash),
                user("jx.health", "省卫健委网站负责人", Role.RESPONDER, "JX-HEALTH", hash),
                user("nc.office", "南昌市政府办督查员", Role.SUPERVISOR, "NC-GOV-OFFICE", hash),
                user("nc.supervision", "南昌市监委审查员", Role.SUPERVISION, "NC-SUPERVISION", hash),
                user("nc.edu", "南昌市教育局网站负责人", Role.RESPONDER, "NC-EDU", hash),
                user("gz.office", "赣州市政府办督查员", Role.SUPERVISOR, "GZ-GOV-OFFICE", hash),
                user("gz.edu", "赣州市教育局网站负责人", Role.RESPONDER, "GZ-EDU", hash),
                user("admin", "系统管理员", Role.ADMIN, null, hash),
                user("security", "安全管理员", Role.SECURITY_ADMIN, null, hash),
                user("auditor", "审计管理员", Role.AUDIT_ADMIN, null, hash)));
        websites.saveAll(List.of(
                new Website("https://www.jiangxi.gov.cn", "江西省人民政府", "JX-GOV-OFFICE"),
                new Website("https://www.jxedu.gov.cn", "江西省教育厅", "JX-EDU"),
                new Website("https://hc.jiangxi.gov.cn", "江西省卫生健康委员会", "JX-HEALTH"),
                new Website("https://www.nc.gov.cn", "南昌市人民政府", "NC-GOV-OFFICE"),
                new Website("https://jyj.nc.gov.cn", "南昌市教育局", "NC-EDU"),
                new Website("https://www.ganzhou.gov.cn", "赣州市人民政府", "GZ-GOV-OFFICE"),
                new Website("https://jyj.ganzhou.gov.cn", "赣州市教育局", "GZ-EDU")));
        log.warn("Demo data seeded: demo users share the password {} — never use this profile in production", PASSWORD);
    }

    private AppUser user(String username, String name, Role role, String org, String hash) {
        return new AppUser(username, hash, name, role, org, clock.instant()).changeMail(username + "@rectify.test");
    }
}
