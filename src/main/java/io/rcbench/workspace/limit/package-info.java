/**
 * Rocket.Chat's rate limiters with its default rules and setting ids (protocol section 7): the DDP rules
 * per IP / user / connection / method, sendMessage's 5 per second, and the REST limiter per route and IP.
 */
package io.rcbench.workspace.limit;
