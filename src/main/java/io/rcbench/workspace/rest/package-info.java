/**
 * The REST API v1 subset a load test uses (protocol section 5): a router that applies authentication, the
 * REST rate limiter and Rocket.Chat's error bodies, and route groups that adapt requests to the services.
 */
package io.rcbench.workspace.rest;
