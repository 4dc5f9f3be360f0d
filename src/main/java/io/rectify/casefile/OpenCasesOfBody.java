package io.rectify.casefile;

import java.util.List;

import io.rectify.directory.BodyInUse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The open cases a body answers or opened: while there are any, the body is not deactivated nor moved. */
@Component
class OpenCasesOfBody implements BodyInUse {

    private final JdbcTemplate jdbc;

    OpenCasesOfBody(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> openWork(String orgCode, int limit) {
        return jdbc.queryForList("""
                        select case_number from rectification_case
                        where (respondent_org_code = ? or opened_by_org_code = ?) and status <> ?
                        order by created_at limit ?""",
                String.class, orgCode, orgCode, CaseStatus.CLOSED.name(), limit);
    }
}
