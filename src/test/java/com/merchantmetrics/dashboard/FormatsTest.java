package com.merchantmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.metrics.MetricDefinition.Unit;

/** Numbers, money and dates as English and Vietnamese readers write them. */
class FormatsTest {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final char NBSP = '\u00A0';

    private static Formats english(String currency) {
        return new Formats(Locale.ENGLISH, currency, "pts", "MMM yyyy");
    }

    private static Formats vietnamese(String currency) {
        return new Formats(VI, currency, "điểm %", "MM/yyyy");
    }

    @Test
    void vietnameseDongHasNoMinorUnitInEitherLanguage() {
        BigDecimal amount = new BigDecimal("12345678");
        assertThat(vietnamese("VND").money(amount)).isEqualTo("12.345.678" + NBSP + "₫");
        assertThat(english("VND").money(amount)).isEqualTo("₫12,345,678");
        assertThat(vietnamese("VND").value(new BigDecimal("-1500000"), Unit.money)).isEqualTo("-1.500.000" + NBSP + "₫");
    }

    @Test
    void currenciesWithCentsKeepTwoDigits() {
        assertThat(english("USD").money(new BigDecimal("3264"))).isEqualTo("$3,264.00");
        assertThat(vietnamese("USD").money(new BigDecimal("3264.5"))).isEqualTo("3.264,50" + NBSP + "US$");
        assertThat(english("EUR").money(new BigDecimal("0.5"))).isEqualTo("€0.50");
    }

    @Test
    void numbersAndRatesUseTheLanguagesSeparators() {
        assertThat(english("USD").number(new BigDecimal("1234567.891"), 2)).isEqualTo("1,234,567.89");
        assertThat(vietnamese("USD").number(new BigDecimal("1234567.891"), 2)).isEqualTo("1.234.567,89");
        assertThat(english("USD").value(new BigDecimal("0.2361"), Unit.rate)).isEqualTo("23.6%");
        assertThat(vietnamese("USD").value(new BigDecimal("0.2361"), Unit.rate)).isEqualTo("23,6%");
        assertThat(vietnamese("USD").value(new BigDecimal("3.456"), Unit.ratio)).isEqualTo("3,46");
        assertThat(vietnamese("USD").value(null, Unit.count)).isEqualTo("–");
    }

    @Test
    void changesOfRatesAreInPointsOfTheLanguage() {
        assertThat(english("USD").change(new BigDecimal("0.02"), new BigDecimal("0.035"), Unit.rate)).isEqualTo("+1.5 pts");
        assertThat(vietnamese("USD").change(new BigDecimal("0.035"), new BigDecimal("0.02"), Unit.rate)).isEqualTo("−1,5 điểm %");
        assertThat(vietnamese("VND").change(new BigDecimal("220"), new BigDecimal("272"), Unit.money)).isEqualTo("+23,6%");
    }

    @Test
    void monthsAndMomentsAreWrittenInTheLanguage() {
        assertThat(english("USD").month(YearMonth.of(2024, 4))).isEqualTo("Apr 2024");
        assertThat(vietnamese("VND").month(YearMonth.of(2024, 4))).isEqualTo("04/2024");
        ZoneId hanoi = ZoneId.of("Asia/Ho_Chi_Minh");
        assertThat(vietnamese("VND").dateTime("2024-01-31T16:30:00Z", hanoi)).isEqualTo("23:30, 31 thg 1, 2024");
        assertThat(english("VND").dateTime("2024-01-31T16:30:00Z", hanoi)).contains("Jan 31, 2024", "11:30");
        assertThat(english("USD").dateTime(null, hanoi)).isNull();
    }
}
