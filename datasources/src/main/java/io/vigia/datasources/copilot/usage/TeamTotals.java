package io.vigia.datasources.copilot.usage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A users' number per team, from GitHub's join of the user-teams and users reports.
 *
 * @param byTeam      per team (its slug): each team counts all its members, so a user on several
 *                    teams is in each of them; these are not to be added up
 * @param acrossTeams the same number over every user on at least one team, each user once; less
 *                    than the organization's when some users are only on teams under five seats
 * @param caveats     what a chart of these numbers must say
 */
public record TeamTotals(Map<String, Double> byTeam, double acrossTeams, List<Caveat> caveats) {
    public TeamTotals {
        byTeam = Collections.unmodifiableMap(new LinkedHashMap<>(byTeam));
        caveats = List.copyOf(caveats);
    }
}
