package com.merchantmetrics.metrics;

/**
 * A view or filter parameter (view, segment, channel, country, plan) whose value is not understood: the message is
 * the English the metrics API answers with; a page words it from the parameter and the value.
 */
public class UnreadableParameter extends IllegalArgumentException {

    private final String parameter;
    private final String value;

    UnreadableParameter(String parameter, String value, String message) {
        super(message);
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }
}
