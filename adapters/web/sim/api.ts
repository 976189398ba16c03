import { z } from 'zod';
import { text, type Reply } from '../../../src/core/replies.js';
import type { Route } from '../../../src/server/http.js';
import { readPost, type WebDeps } from '../context.js';
import { queryOf, sendData } from '../http/respond.js';
import type { PaneView } from '../ports.js';
import { actionRequestSchema, toMemberAction } from './actions.js';
import { loadSampleData, SAMPLE, SIM_ACTORS } from './sample-data.js';

// The simulator's JSON API. The owner pane writes as channel 'web' through the same core call
// as LINE; the Slack and Teams panes press the same member actions as the real adapters, as the
// sample advisor and coordinator. Every POST passes the CSRF gate in readPost.

const ownerSchema = z.object({ eventId: z.string().uuid(), text: z.string().max(20_000) });
const PANE_LIMIT = 200;

/** `simulated`: the member messengers this console stands in for (those no real adapter serves). */
export function simRoutes(deps: WebDeps, simulated: ReadonlySet<string>): Route[] {
  const { app, panes, log } = deps;
  const viewOf = (subject: string): PaneView => ({ owner: subject, coordinatorId: SAMPLE.coordinator.id });

  async function state(rev: string | null, subject: string) {
    const view = viewOf(subject);
    const latest = await panes.latestRev(view);
    if (rev !== null && rev === latest) return null;
    const [messages, organisations, sampleMembers] = await Promise.all([
      panes.list(view, PANE_LIMIT),
      app.workflowStore.listOrganisations(),
      app.db.prisma.member.findMany({ where: { id: { in: [SAMPLE.advisor.id, SAMPLE.coordinator.id] } }, include: { organisation: true } }),
    ]);
    const person = (id: string) => {
      const m = sampleMembers.find((x) => x.id === id);
      return m ? { name: m.displayName, organisation: m.organisation.name } : null;
    };
    return {
      rev: latest,
      simulated: { slack: simulated.has('slack'), teams: simulated.has('teams') },
      actors: { slack: person(SAMPLE.advisor.id), teams: person(SAMPLE.coordinator.id) },
      channels: organisations.filter((o) => o.slackChannelId).map((o) => ({ id: o.slackChannelId, name: o.name })),
      organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
      messages,
    };
  }

  return [
    {
      method: 'GET',
      path: '/api/sim/state',
      async handler(req, res) {
        const session = await deps.sessions.resolve(req);
        if (!session) return sendData(req, res, 401, { error: 'no session: open / first' });
        const body = await state(queryOf(req).get('rev'), session.subject);
        if (!body) {
          res.writeHead(204, { 'cache-control': 'no-store' });
          return void res.end();
        }
        sendData(req, res, 200, body);
      },
    },
    {
      method: 'POST',
      path: '/api/sim/owner',
      async handler(req, res) {
        const posted = await readPost(deps, req, res, 'json');
        if (!posted) return;
        const input = ownerSchema.safeParse(posted.fields);
        if (!input.success) return sendData(req, res, 400, { error: 'eventId (uuid) and text are required' });
        const { subject } = posted.session;
        const { eventId, text: said } = input.data;
        await panes.append({ pane: 'owner', conversation: subject, author: 'user', replies: [text(said)], dedupeKey: `in:${eventId}` });
        const result = await app.owners.handle(
          { channel: 'web', eventId, sender: { externalId: subject }, kind: 'text', text: said, receivedAt: new Date() },
          { address: { kind: 'web_session', sessionId: subject } },
        );
        sendData(req, res, 202, { status: result.status, caseId: result.caseId });
      },
    },
    {
      method: 'POST',
      path: '/api/sim/action',
      async handler(req, res) {
        const posted = await readPost(deps, req, res, 'json');
        if (!posted) return;
        const input = actionRequestSchema.safeParse(posted.fields);
        if (!input.success) return sendData(req, res, 400, { error: 'invalid action', issues: input.error.issues.map((i) => i.path.join('.')) });
        const r = input.data;
        const parsed = toMemberAction(r);
        if ('error' in parsed) return sendData(req, res, 400, { error: parsed.error });
        const actor = SIM_ACTORS[r.pane];
        const ephemeral = async (replies: Reply[]) => {
          const conversation = r.pane === 'teams' ? SAMPLE.coordinator.id : ((await panes.rootChannel(parsed.caseId)) ?? SAMPLE.desk.slackChannelId);
          await panes.append({ pane: r.pane, conversation, caseId: parsed.caseId, author: 'ephemeral', replies });
        };
        if (parsed.action.type === 'comment') {
          const channel = (await panes.rootChannel(parsed.caseId)) ?? SAMPLE.desk.slackChannelId;
          const who = await app.workflowStore.findMember(actor);
          await panes.append({ pane: 'slack', conversation: channel, caseId: parsed.caseId, threadOf: parsed.caseId, author: 'user', authorName: who?.displayName ?? null, replies: [text(parsed.action.text)] });
        }
        const result = await app.workflow.act(actor, parsed.caseId, parsed.action);
        if (result.card && r.messageId) {
          // Teams updates the card acted on in place: it now says who decided, and when.
          const shown = await panes.find(r.messageId);
          const kind = result.card.kind;
          if (shown?.pane === 'teams') await panes.replaceReplies(shown.id, shown.replies.map((x) => (x.type === 'card' && x.kind === kind ? result.card as Reply : x)));
        }
        if (parsed.action.type !== 'comment' || result.outcome !== 'done') await ephemeral([text(result.message)]);
        log.info({ pane: r.pane, caseId: parsed.caseId, action: parsed.action.type, outcome: result.outcome }, 'simulator action');
        sendData(req, res, 200, { outcome: result.outcome, message: result.message });
      },
    },
    {
      method: 'POST',
      path: '/api/sim/sample',
      async handler(req, res) {
        const posted = await readPost(deps, req, res, 'json');
        if (!posted) return;
        const result = await loadSampleData(app.db.prisma, deps.accounts, app.candidates);
        log.info({ intakeDesk: result.intakeDesk, candidates: result.candidates }, 'simulator sample data loaded');
        sendData(req, res, 200, result);
      },
    },
    {
      method: 'POST',
      path: '/api/sim/new-owner',
      async handler(req, res) {
        const posted = await readPost(deps, req, res, 'json');
        if (!posted) return;
        await deps.sessions.newSubject(posted.session);
        sendData(req, res, 200, { ok: true });
      },
    },
  ];
}
