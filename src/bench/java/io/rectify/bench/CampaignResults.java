package io.rectify.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark campaign's inspections scored in bulk, as if every site had been inspected: nine in
 * ten pass with scores from 60 to 99, every tenth fails on a single veto. Written straight into
 * the table, as the benchmark measures the 通报, not the forms.
 */
final class CampaignResults {

    private CampaignResults() {
    }

    static void score(JdbcTemplate jdbc, long campaignId) {
        jdbc.update("""
                update inspection set status = 'FINAL',
                    vetoed = (mod(id, 10) = 0),
                    qualified = (mod(id, 10) <> 0),
                    score = case when mod(id, 10) = 0 then null else 60 + mod(id, 40) end,
                    finalised_at = current_timestamp, finalised_by = 'bench', version = version + 1
                where campaign_id = ?""", campaignId);
    }
}
