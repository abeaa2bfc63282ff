package org.importdesk.engine.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what a team lead does (override a classification, send below the auto-send confidence): the listed
 * operating-system user names, or anyone who knows the team-lead PIN.
 */
public record Roles(Set<String> teamLeads, Optional<PinHash> teamLeadPin) {
    public Roles {
        teamLeads = teamLeads.stream().map(u -> u.trim().toLowerCase(Locale.ROOT)).filter(u -> !u.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        teamLeadPin = teamLeadPin == null ? Optional.empty() : teamLeadPin;
    }

    public static Roles none() {
        return new Roles(Set.of(), Optional.empty());
    }

    public boolean isTeamLead(String userName) {
        return userName != null && teamLeads.contains(userName.trim().toLowerCase(Locale.ROOT));
    }

    public boolean pinUnlocksTeamLead(char[] pin) {
        return teamLeadPin.map(h -> h.matches(pin)).orElse(false);
    }
}
