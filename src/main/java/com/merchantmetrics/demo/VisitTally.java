package com.merchantmetrics.demo;

import java.util.List;

import com.merchantmetrics.demo.ProfileModel.AcquisitionChannel;
import com.merchantmetrics.demo.ProfileModel.LandingPage;

/** Visits of one day that led to a signup or an order, per channel and landing page. */
final class VisitTally {

    private final List<AcquisitionChannel> channels;
    private final int[][] counts;

    VisitTally(List<AcquisitionChannel> channels) {
        this.channels = channels;
        this.counts = new int[channels.size()][];
        for (int channel = 0; channel < counts.length; channel++) {
            counts[channel] = new int[channels.get(channel).pages().size()];
        }
    }

    void count(AcquisitionChannel channel, LandingPage page) {
        if (page != null) {
            counts[channels.indexOf(channel)][channel.pages().indexOf(page)]++;
        }
    }

    int count(int channel, int page) {
        return counts[channel][page];
    }
}
