package com.merchantmetrics.demo;

/** Items (by index) grouped by the day something happens to them, so that a day loop can visit them in order. */
final class DayBuckets {

    private final int[] firstOfDay;
    private final int[] items;

    /** @param dayOfItem the day of each item; items whose day lies outside [0, days) are left out. */
    DayBuckets(int days, int[] dayOfItem) {
        firstOfDay = new int[days + 1];
        for (int day : dayOfItem) {
            if (day >= 0 && day < days) {
                firstOfDay[day + 1]++;
            }
        }
        for (int day = 0; day < days; day++) {
            firstOfDay[day + 1] += firstOfDay[day];
        }
        items = new int[firstOfDay[days]];
        int[] next = firstOfDay.clone();
        for (int item = 0; item < dayOfItem.length; item++) {
            int day = dayOfItem[item];
            if (day >= 0 && day < days) {
                items[next[day]++] = item;
            }
        }
    }

    int size(int day) {
        return firstOfDay[day + 1] - firstOfDay[day];
    }

    /** The n-th item of the day, in increasing item order. */
    int item(int day, int n) {
        return items[firstOfDay[day] + n];
    }
}
