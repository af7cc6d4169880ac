package dev.provenant.signals;

/** How far a version's decisions moved between a baseline window and a current one. */
public record Drift(double confidencePsi, double outcomePsi, boolean drifting, int baselineCount, int currentCount) {
}
