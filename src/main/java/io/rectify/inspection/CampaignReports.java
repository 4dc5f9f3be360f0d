package io.rectify.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.rectify.directory.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the {@link CampaignReport} of a campaign the caller sees. */
@Service
public class CampaignReports {

    private final Campaigns campaigns;
    private final Inspections inspections;
    private final Checklists checklists;

    CampaignReports(Campaigns campaigns, Inspections inspections, Checklists checklists) {
        this.campaigns = campaigns;
        this.inspections = inspections;
        this.checklists = checklists;
    }

    @Transactional(readOnly = true)
    public CampaignReport of(Actor actor, long campaignId) {
        Campaign campaign = campaigns.visible(actor, campaignId);
        List<SiteInspection> sites = campaigns.sites(campaignId);
        Map<String, List<SiteInspection>> strata = sites.stream().collect(Collectors.groupingBy(
                s -> s.regionCode() + "\u0000" + s.level().name(), TreeMap::new, Collectors.toList()));
        List<CampaignReport.Row> rows = new ArrayList<>();
        strata.forEach((key, group) -> rows.add(new CampaignReport.Row(group.get(0).regionCode(), group.get(0).level(),
                tally(group))));
        Map<Long, List<Inspections.FailedItem>> defects = inspections.failedItems(campaignId).stream()
                .collect(Collectors.groupingBy(Inspections.FailedItem::websiteId));
        List<CampaignReport.FailingSite> failing = sites.stream()
                .filter(s -> s.isFinal() && !Boolean.TRUE.equals(s.qualified()))
                .map(s -> new CampaignReport.FailingSite(s, defects.getOrDefault(s.websiteId(), List.of())))
                .toList();
        return new CampaignReport(campaign, checklists.byId(campaign.checklistId()).version(), tally(sites), rows,
                failing, sites);
    }

    static CampaignReport.Tally tally(List<SiteInspection> sites) {
        int checked = 0;
        int qualified = 0;
        for (SiteInspection s : sites) {
            if (s.isFinal()) {
                checked++;
                if (Boolean.TRUE.equals(s.qualified())) {
                    qualified++;
                }
            }
        }
        return new CampaignReport.Tally(checked, qualified, sites.size() - checked);
    }
}
