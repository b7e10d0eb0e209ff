package com.merchantmetrics.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Made-up people and companies, with addresses under the reserved example domains. */
final class Names {

    private static final List<String> FIRST_NAMES = List.of("Anna", "Lukas", "Sophie", "Jonas", "Emma", "Léa",
            "Chloé", "Zoë", "Noah", "Mia", "Liam", "Olivia", "Sofía", "Mateo", "Ingrid", "Björn", "Siobhán", "Seán",
            "José", "María", "Wei", "Priya", "Aisha", "Tomasz", "Zofia", "Giulia", "Marco", "Emily", "James", "Ava",
            "Ethan", "Grace", "Daniel", "Hannah", "Lars", "Amélie", "Jürgen", "Nora", "Omar", "Fatima");
    private static final List<String> LAST_NAMES = List.of("Müller", "Schmidt", "Dubois", "Martin", "de Vries",
            "Jansen", "Rossi", "Bianchi", "García", "López", "O'Brien", "Murphy", "Kowalski", "Nowak", "Andersson",
            "Johansson", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Nguyen", "Patel",
            "Kim", "Walsh", "Novak", "Fischer", "Weber", "Lefèvre", "Moreau", "Bakker", "Ferrari", "Hernández",
            "Larsen", "Nielsen", "Taylor", "Wilson", "Chen");
    private static final List<String> TRADES = List.of("Gastro", "Hotel Supply", "Catering", "Office Supplies",
            "Retail", "Trading", "Hospitality", "Bakery Supplies", "Facility Services", "Kitchen Equipment");
    private static final List<String> BRAND_WORDS = List.of("Nordlicht", "Alpine", "Harbour", "Blue Oak",
            "Lindenhof", "Riverside", "Sonnenberg", "Atlas", "Meridian", "Greenfield", "Kestrel", "Vista", "Crown",
            "Mosel", "Bellavista", "Golden Gate", "Highland", "Polaris");

    private static final Pattern NON_ASCII = Pattern.compile("[^\\p{ASCII}]");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DOTS = Pattern.compile("^\\.|\\.$");
    private static final Pattern LEGAL_FORM = Pattern.compile(
            " (GmbH|B\\.V\\.|BV|Ltd|Inc\\.|SAS|S\\.r\\.l\\.|S\\.L\\.|AB|ApS|Sp\\. z o\\.o\\.|SA)$");

    private Names() {
    }

    static String person(RandomSource random) {
        return pick(FIRST_NAMES, random) + " " + pick(LAST_NAMES, random);
    }

    /** A company name in the style of the country's legal forms; some contain commas, accents or ampersands. */
    static String company(String country, RandomSource random) {
        String legalForm = legalForm(country);
        return switch (random.between(0, 3)) {
            case 0 -> pick(LAST_NAMES, random) + " " + pick(TRADES, random) + " " + legalForm;
            case 1 -> pick(BRAND_WORDS, random) + " " + pick(TRADES, random) + " " + legalForm;
            case 2 -> pick(LAST_NAMES, random) + ", " + pick(LAST_NAMES, random) + " & Partner " + legalForm;
            default -> pick(BRAND_WORDS, random) + " & " + pick(LAST_NAMES, random) + " " + legalForm;
        };
    }

    /** Lower-case ASCII with dots between words: "Zoë O'Brien" becomes "zoe.o.brien". */
    static String mailbox(String text) {
        String ascii = NON_ASCII.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String dotted = NON_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll(".");
        return EDGE_DOTS.matcher(dotted).replaceAll("");
    }

    /** A domain under the reserved .example top-level domain. */
    static String domain(String company) {
        return mailbox(LEGAL_FORM.matcher(company).replaceAll("")).replace('.', '-') + ".example";
    }

    private static String legalForm(String country) {
        return switch (country) {
            case "DE", "AT" -> "GmbH";
            case "NL" -> "B.V.";
            case "BE" -> "BV";
            case "GB", "IE" -> "Ltd";
            case "US" -> "Inc.";
            case "FR" -> "SAS";
            case "IT" -> "S.r.l.";
            case "ES" -> "S.L.";
            case "SE" -> "AB";
            case "DK" -> "ApS";
            case "PL" -> "Sp. z o.o.";
            default -> "SA";
        };
    }

    private static String pick(List<String> options, RandomSource random) {
        return options.get(random.between(0, options.size() - 1));
    }
}
