/** The one seam every flow calls to record a security event (audit row + alert mail). */
export { SECURITY_ALERTS_PREFERENCE, SECURITY_EVENTS, securityAction, type SecurityEventKind } from "./kinds";
export { recordSecurityEvent, type SecurityEventDeps } from "./record";
export { clientDetails, type EventClient, type EventSource, type SecurityEvent, securityEventCtes } from "./statements";
