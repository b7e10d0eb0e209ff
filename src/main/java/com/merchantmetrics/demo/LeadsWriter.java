package com.merchantmetrics.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.merchantmetrics.demo.ProfileModel.AcquisitionChannel;
import com.merchantmetrics.demo.ProfileModel.LeadTerms;
import com.merchantmetrics.demo.ProfileModel.MarketingEvent;
import com.merchantmetrics.demo.SimulatedCustomer.Lead;

/**
 * Writes leads.csv: the leads customers came through (converted when they first paid) and, to fill each month up
 * to the requested number, leads that did not convert. Channels that convert worse get more of those.
 */
final class LeadsWriter {

    private final ProfileModel profile;
    private final Timeline timeline;
    private final Acquisitions acquisitions;
    private final RandomSource random;
    private final List<AcquisitionChannel> channels;

    private record LeadRow(LocalDateTime createdAt, String channel, LocalDateTime convertedAt, String customerId) {
    }

    LeadsWriter(ProfileModel profile, Timeline timeline, Acquisitions acquisitions, RandomSource random) {
        this.profile = profile;
        this.timeline = timeline;
        this.acquisitions = acquisitions;
        this.random = random;
        this.channels = profile.channels();
    }

    void write(int leadsPerMonth, CsvOutput output) {
        List<LeadRow> leads = customerLeads();
        Map<YearMonth, Long> customerLeadsByMonth = leads.stream()
                .collect(Collectors.groupingBy(lead -> YearMonth.from(lead.createdAt()), Collectors.counting()));
        for (YearMonth month = YearMonth.from(timeline.firstDay()); !month.isAfter(YearMonth.from(timeline.lastDay()));
                month = month.plusMonths(1)) {
            long quota = Math.round((double) leadsPerMonth * (timeline.endIndexOf(month) - timeline.firstIndexOf(month))
                    / month.lengthOfMonth());
            addUnconvertedLeads(month, quota - customerLeadsByMonth.getOrDefault(month, 0L), leads);
        }
        leads.sort(Comparator.comparing(LeadRow::createdAt));
        for (int n = 0; n < leads.size(); n++) {
            LeadRow lead = leads.get(n);
            output.write(profile.identifiers().lead().format(n + 1), CsvValues.instant(lead.createdAt()),
                    CsvValues.text(lead.channel()), CsvValues.instant(lead.convertedAt()),
                    CsvValues.text(lead.customerId()));
        }
    }

    private List<LeadRow> customerLeads() {
        List<LeadRow> leads = new ArrayList<>();
        for (SimulatedCustomer customer : acquisitions.customers()) {
            Lead lead = customer.lead();
            if (lead != null) {
                boolean converted = customer.firstPurchaseAt() != null;
                leads.add(new LeadRow(lead.createdAt(), lead.channel(), converted ? customer.firstPurchaseAt() : null,
                        converted ? customer.id() : null));
            }
        }
        return leads;
    }

    private void addUnconvertedLeads(YearMonth month, long count, List<LeadRow> leads) {
        int firstDay = timeline.firstIndexOf(month);
        int endDay = timeline.endIndexOf(month);
        double[] channelWeights = unconvertedWeights(firstDay, endDay);
        if (Arrays.stream(channelWeights).sum() == 0) {
            return;
        }
        LeadTerms terms = profile.leadTerms();
        for (long n = 0; n < count; n++) {
            int channel = random.pickIndex(channelWeights);
            int day = firstDay + random.pickIndex(expectedCustomers(channel, firstDay, endDay));
            String leadChannel = random.chance(terms.notSetShare()) ? null : channels.get(channel).name();
            leads.add(new LeadRow(createdAt(channels.get(channel), timeline.day(day)), leadChannel, null, null));
        }
    }

    /** Per channel: expected customers in the days times the leads that do not convert per one that does. */
    private double[] unconvertedWeights(int firstDay, int endDay) {
        double[] weights = new double[channels.size()];
        for (int channel = 0; channel < weights.length; channel++) {
            AcquisitionChannel acquisitionChannel = channels.get(channel);
            if (acquisitionChannel.bringsLeads()) {
                double conversion = acquisitionChannel.leadConversion();
                double customers = Arrays.stream(expectedCustomers(channel, firstDay, endDay)).sum();
                weights[channel] = customers * (1 - conversion) / conversion;
            }
        }
        return weights;
    }

    private double[] expectedCustomers(int channel, int firstDay, int endDay) {
        double[] customers = new double[endDay - firstDay];
        for (int day = firstDay; day < endDay; day++) {
            customers[day - firstDay] = acquisitions.expected(day, channel);
        }
        return customers;
    }

    /** Leads of an event channel are collected at the event itself. */
    private LocalDateTime createdAt(AcquisitionChannel channel, LocalDate day) {
        LocalDate eventDay = MarketingEvent.latestBringing(profile.marketingEvents(), channel.name(), day);
        return profile.officeInstant(eventDay != null ? eventDay : day, random);
    }
}
