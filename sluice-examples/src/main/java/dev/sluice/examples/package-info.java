/**
 * Reference apps built on Sluice: a multi-tenant SaaS ({@code saas}) and a bookings app
 * ({@code bookings}), deterministic seeding ({@code seed}) and the demo that runs them.
 */
package dev.sluice.examples;
