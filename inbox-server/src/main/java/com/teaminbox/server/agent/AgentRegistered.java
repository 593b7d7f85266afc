package com.teaminbox.server.agent;

/** A person called the inbox for the first time and now has an agent row (fired inside that transaction). */
public record AgentRegistered(long agentId, String username) {
}
