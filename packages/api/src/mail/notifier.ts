/** Something to poke when new outbox rows were committed (the worker, or nothing). */
export interface MailNotifier {
  notify(): void;
}
