/**
 * The start page's to-do list (GET /api/me/todo): gathers, from what the capabilities already
 * hold, the candidates this person may read — each list by their permissions and the sites they
 * serve — and lets core/todo decide and order what is theirs to do.
 */
import { HOLD_HORIZON_DAYS, todoFor, type TodoAssessment, type TodoItem } from '../core/todo/todo.js';
import { hasPermission } from '../core/auth/roles.js';
import type { User } from '../core/registry/model.js';
import type { AssessmentRepository } from './assessment-ports.js';
import type { ComplaintsService } from './complaints.service.js';
import type { IncidentService } from './incident.service.js';
import type { Actor, Clock } from './ports.js';
import type { RecordingRepositories } from './recording-ports.js';
import type { RightsService } from './rights.service.js';
import type { ViewingService } from './viewing.service.js';

export interface TodoDeps {
  readonly clock: Clock;
  readonly assessments: Pick<AssessmentRepository, 'list' | 'versions'>;
  readonly incidents: Pick<IncidentService, 'toReport'>;
  readonly viewing: Pick<ViewingService, 'list'>;
  readonly recording: Pick<RecordingRepositories, 'holds' | 'clips'>;
  readonly complaints?: Pick<ComplaintsService, 'needingAnswer'>;
  /** Residents' requests (absent where the capability is not composed, e.g. in a narrow test). */
  readonly rights?: Pick<RightsService, 'list'>;
}

const DAY_MS = 86_400_000;

export const todoService = (deps: TodoDeps) => {
  const { clock } = deps;

  const assessments = async (): Promise<TodoAssessment[]> => {
    const out: TodoAssessment[] = [];
    for (const h of await deps.assessments.list()) {
      const versions = await deps.assessments.versions(h.id);
      const latest = versions.at(-1);
      if (latest === undefined) continue;
      const inForce = versions.filter((v) => v.status === 'approved').at(-1);
      out.push({
        id: h.id,
        title: latest.scenario.title,
        status: latest.status,
        advised: latest.dpoAdvice !== undefined,
        submittedAt: latest.submittedAt ?? null,
        createdAt: latest.createdAt,
        approved: inForce
          ? {
              reviewDate: inForce.scenario.safeguards.reviewDate ?? null,
              validUntil: inForce.validUntil ?? null,
            }
          : null,
      });
    }
    return out;
  };

  return {
    forUser: async (user: User, actor: Actor): Promise<TodoItem[]> => {
      const now = clock.now();
      const may = (p: Parameters<typeof hasPermission>[1]) => hasPermission(user.roles, p);
      const serves = (siteId: string) => user.siteIds.length === 0 || user.siteIds.includes(siteId);

      const unreported = may('incidents:report') ? await deps.incidents.toReport(user) : [];
      const awaiting =
        user.custodian && may('footage:approve') ? await deps.viewing.list(actor, { awaitingMe: true }) : [];
      const holds = [];
      if (may('footage:hold'))
        for (const h of await deps.recording.holds.lapsing(
          now.toISOString(),
          new Date(now.getTime() + HOLD_HORIZON_DAYS * DAY_MS).toISOString(),
        )) {
          const c = await deps.recording.clips.get(h.clipId);
          if (c === undefined || !serves(c.siteId)) continue;
          holds.push({
            id: h.id,
            until: h.until,
            siteId: c.siteId,
            roomId: c.roomId,
            incidentId: c.incidentId ?? c.incidentIds[0] ?? null,
          });
        }
      const lookAfter = may('assessments:decide') || may('assessments:advise') || may('assessments:write');
      // The list is limited to the actor's sites already; core limits it again by permission and site.
      const subjectRequests =
        may('rights:manage') && deps.rights
          ? (await deps.rights.list(actor, { open: true })).map((r) => ({
              id: r.id,
              siteId: r.siteId,
              roomId: r.roomId,
              dueOn: r.deadline.dueOn,
              deadline: r.deadline.status,
            }))
          : [];

      return todoFor(
        user,
        {
          assessments: lookAfter ? await assessments() : [],
          unreported: unreported.map((i) => ({
            id: i.id,
            siteId: i.siteId,
            roomId: i.roomId,
            incidentId: i.id,
            occurredAt: i.occurredAt,
          })),
          awaitingMe: awaiting.map((r) => ({
            id: r.id,
            siteId: r.siteId,
            roomId: r.roomId,
            incidentId: r.incidentId,
            requestedAt: r.requestedAt,
            requester: r.requestedBy.displayName,
          })),
          holds,
          complaints:
            may('complaints:manage') && deps.complaints !== undefined
              ? (await deps.complaints.needingAnswer(actor)).map((k) => ({
                  id: k.id,
                  siteId: k.siteId,
                  subject: k.subject,
                  dueOn: k.deadline.dueOn,
                  overdue: k.deadline.status === 'overdue',
                }))
              : [],
          subjectRequests,
        },
        now,
      );
    },
  };
};

export type TodoService = ReturnType<typeof todoService>;
