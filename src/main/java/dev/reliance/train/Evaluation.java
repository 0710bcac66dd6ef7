package dev.reliance.train;

/** Mean cross-entropy loss and accuracy of a network on one labelled set. */
public record Evaluation(double loss, double accuracy) {}
