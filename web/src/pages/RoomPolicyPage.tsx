/**
 * The effective recording policy per room (GET /api/rooms/:id/policy): per kind of conversation,
 * what a conversation starting now would get — mode, pre/post-roll, audio, retention, viewers,
 * in force until — and the entries from approved assessments behind it.
 */
import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type RecordingModeView, type RoomPolicyView } from '../api.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n.js';
import { useRegistry } from '../registry.js';
import { TableScroll } from '../components/TableScroll.js';

export const RoomPolicyPage = () => {
  const { t, lang } = useI18n();
  const reg = useRegistry();
  const [roomId, setRoomId] = useState('');
  const chosen = roomId || reg.registry.rooms[0]?.id || '';
  const policy = useLoad(
    () => (chosen ? api.get<RoomPolicyView>(`/api/rooms/${chosen}/policy`) : Promise.resolve(undefined)),
    [chosen],
  );
  const p = policy.data;
  const mode = (m: RecordingModeView) => (
    <>
      <StatusBadge status={m.kind === 'off' ? 'neutral' : 'warning'}>
        {t.roomPolicy.modes[m.kind] ?? m.kind}
      </StatusBadge>
      {m.kind === 'incident-triggered' ? ` ${t.roomPolicy.rolls(m.preRollSeconds, m.postRollSeconds)}` : ''}
    </>
  );
  const untilOf = (typeId: string): string => {
    const until = p?.policy.entries
      .filter((e) => e.conversationTypeId === typeId && e.validUntil)
      .map((e) => e.validUntil ?? '');
    return until && until.length > 0 ? formatDateTime(lang, until.sort()[0] ?? '') : t.incidents.none;
  };
  const label = reg.registry.roomLabel(chosen);

  return (
    <>
      <PageTitle>{t.roomPolicy.title}</PageTitle>
      <Paragraph>{t.roomPolicy.intro}</Paragraph>
      {reg.error ? <LoadError error={reg.error} /> : null}
      {reg.data ? (
        <SelectField
          id="policy-room"
          label={t.roomPolicy.room}
          value={chosen}
          onChange={setRoomId}
          options={reg.registry.rooms.map((r) => ({ value: r.id, label: reg.registry.roomLabel(r.id) }))}
        />
      ) : null}
      {policy.loading && !p ? <Loading /> : null}
      {policy.error ? <LoadError error={policy.error} /> : null}
      {p ? (
        <TableScroll label={t.roomPolicy.caption(label)}>
          <ResourceTable
            caption={t.roomPolicy.caption(label)}
            rows={p.decisions}
            rowKey={(d) => d.conversationTypeId}
            rowHeader={{
              header: t.roomPolicy.kind,
              cell: (d) => reg.registry.typeName(d.conversationTypeId) || d.name,
            }}
            columns={[
              { header: t.roomPolicy.mode, cell: (d) => mode(d.decision.mode) },
              { header: t.roomPolicy.audio, cell: (d) => (d.decision.audioAllowed ? t.yes : t.no) },
              {
                header: t.roomPolicy.retention,
                cell: (d) =>
                  d.decision.retentionHours === undefined
                    ? t.incidents.none
                    : t.roomPolicy.hours(d.decision.retentionHours),
              },
              {
                header: t.roomPolicy.viewers,
                cell: (d) =>
                  d.decision.viewers.length > 0 ? d.decision.viewers.join(', ') : t.roomPolicy.nobody,
              },
              { header: t.roomPolicy.validUntil, cell: (d) => untilOf(d.conversationTypeId) },
              { header: t.roomPolicy.reason, cell: (d) => d.decision.reason },
            ]}
          />
        </TableScroll>
      ) : null}
      {p && p.policy.entries.length === 0 ? <Paragraph>{t.roomPolicy.noEntries}</Paragraph> : null}
    </>
  );
};
