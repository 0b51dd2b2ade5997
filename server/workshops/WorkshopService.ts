import type {
  CreateWorkshopResponse,
  JoinCodeResponse,
  JoinResponse,
  WhoAmIResponse,
  WorkshopInfo,
} from '../../shared/api.js';
import { facilitatorPath, normalizeJoinCode, participantPath, projectorPath } from '../../shared/api.js';
import { DEFAULT_LANG, type Lang } from '../../shared/i18n/languages.js';
import { translate } from '../../shared/i18n/translate.js';
import type { Flow } from '../../shared/permissions.js';
import type { AccessRole } from '../../shared/roles.js';
import type { ParticipantEntry } from '../../shared/workshopDoc.js';
import type { MessagePort } from 'node:worker_threads';
import { newParticipantId, newWorkshopId, type PartnerId, type WorkshopId } from '../../shared/ids.js';
import { partnerColor, partnerIdFrom, type Partner } from '../../shared/partners.js';
import { JOINT_MAP, partnerMapName, roomName } from '../../shared/protocol.js';
import { validateJoin, validateNewWorkshop } from '../../shared/validation.js';
import { hashToken, isTokenShaped, newToken } from '../auth/tokens.js';
import { HttpError } from '../http/respond.js';
import { newJoinCode, withFreeJoinCode } from '../store/joinCode.js';
import type { DocStore, NewParticipant, Store, WorkshopStore } from '../store/Store.js';
import { readSampleWorkshop, seedMap } from './sampleWorkshop.js';

const PROJECTOR_NAME = 'Projector';

/** Where the live list of participants (the `workshop` document) and open connections are updated. */
export interface ParticipantEvents {
  joined(workshopId: string, entry: ParticipantEntry): Promise<void>;
  removed(workshopId: string, participantId: string): Promise<void>;
}

/** A person created with their workshop; the token is for their link, only its hash is stored. */
function newPerson(workshopId: string, name: string, access: AccessRole) {
  const token = newToken();
  const person: NewParticipant = {
    id: newParticipantId(),
    workshopId,
    name,
    partner: '',
    role: 'other',
    access,
    revoked: false,
    tokenHash: hashToken(token),
  };
  return { token, person };
}

function entryOf(p: NewParticipant): ParticipantEntry {
  const { id, name, partner, role, access } = p;
  return { id, name, partner, role, access, joinedAt: Date.now(), removed: false };
}

/** Workshops and the people in them: creation, joining, token checks, removal. */
export class WorkshopService {
  constructor(
    private readonly workshops: WorkshopStore & Pick<Store, 'importWorkshop'>,
    private readonly docs: DocStore,
    private readonly demoFixturePath: string | null,
    private readonly events: ParticipantEvents,
  ) {}

  async create(body: unknown): Promise<CreateWorkshopResponse> {
    const input = validateNewWorkshop(body);
    if (!input.ok) throw new HttpError(400, 'invalid', 'Check the title and the partner names.', input.errors);
    return (await this.createFrom(input.value.title, input.value.partners, undefined, input.value.flow)).response;
  }

  /**
   * `lang`: the language of the names the server gives (the facilitator is "Begeleider" in Dutch).
   * `imported`: the port a backup's documents, versions and people come from, written with the
   * workshop by the store (importWorkshop), which also replaces a taken join code.
   */
  private async createFrom(
    title: string,
    partnerNames: string[],
    keep?: { partners: Partner[]; createdAt: number; id: WorkshopId },
    flow: Flow = 'joint',
    lang: Lang = DEFAULT_LANG,
    imported?: MessagePort,
  ) {
    const id = keep?.id ?? newWorkshopId();
    const taken = new Set<string>();
    const partners: Partner[] =
      keep?.partners ??
      partnerNames.map((name, i) => {
        const pid = partnerIdFrom(name, taken);
        taken.add(pid);
        return { id: pid, name, color: partnerColor(i) };
      });
    const facilitator = newPerson(id, translate(lang, 'roles.facilitator'), 'facilitator');
    const projector = newPerson(id, PROJECTOR_NAME, 'projector');
    const people = [facilitator.person, projector.person];
    // 31^6 ≈ 887 million codes: a collision is rare; withFreeJoinCode draws again when the store says so.
    const record = (joinCode: string) => ({
      id,
      title,
      createdAt: keep?.createdAt ?? Date.now(),
      partners,
      joinCode,
      flow,
    });
    const joinCode = imported
      ? await this.workshops.importWorkshop(imported, record(newJoinCode()), people)
      : await withFreeJoinCode(newJoinCode(), (code) => this.workshops.createWorkshop(record(code), people));
    for (const p of [facilitator.person, projector.person]) await this.events.joined(id, entryOf(p));
    const response: CreateWorkshopResponse = {
      id,
      participantPath: participantPath(id),
      facilitatorPath: facilitatorPath(id, facilitator.token),
      facilitatorToken: facilitator.token,
      projectorPath: projectorPath(id, projector.token),
      joinCode,
    };
    return { response, partners };
  }

  /**
   * A workshop from a backup: same title, partners (ids and colours) and date, new code and links, under
   * `id` (new, drawn by the import), written with its documents, versions and people in one go (T13),
   * which the store pulls from `imported` ([T18]).
   */
  async createImported(
    id: WorkshopId,
    title: string,
    partners: Partner[],
    createdAt: unknown,
    flow: Flow,
    imported: MessagePort,
  ): Promise<CreateWorkshopResponse> {
    const safe = partners.map((p, i) => ({
      id: (typeof p.id === 'string' && /^[a-z0-9-]{1,40}$/.test(p.id) ? p.id : `partner-${i + 1}`) as PartnerId,
      name: p.name,
      color: typeof p.color === 'string' && /^#[0-9a-f]{6}$/i.test(p.color) ? p.color : partnerColor(i),
    }));
    const created = await this.createFrom(
      title,
      [],
      { partners: safe, createdAt: typeof createdAt === 'number' ? createdAt : Date.now(), id },
      flow,
      DEFAULT_LANG,
      imported,
    );
    return created.response;
  }

  private async addPerson(workshopId: string, name: string, partner: string, role: string, access: AccessRole) {
    const token = newToken();
    const id = newParticipantId();
    await this.workshops.addParticipant({ id, workshopId, name, partner, role, access }, hashToken(token));
    await this.events.joined(workshopId, { id, name, partner, role, access, joinedAt: Date.now(), removed: false });
    return token;
  }

  async info(id: string): Promise<WorkshopInfo> {
    const w = await this.workshops.getWorkshop(id);
    if (!w) throw new HttpError(404, 'not_found', 'This workshop does not exist (any more).');
    return {
      id: w.id as WorkshopId,
      title: w.title,
      createdAt: w.createdAt,
      partners: w.partners,
      joinCode: w.joinCode,
      flow: w.flow,
    };
  }

  async byJoinCode(code: string): Promise<JoinCodeResponse> {
    const w = await this.workshops.findWorkshopByCode(normalizeJoinCode(code));
    if (!w) throw new HttpError(404, 'not_found', 'There is no workshop with this code.');
    return { id: w.id as WorkshopId };
  }

  async requireFacilitator(id: string, authorization: string | undefined): Promise<WhoAmIResponse> {
    const me = await this.whoAmI(id, authorization);
    if (me.access !== 'facilitator') throw new HttpError(403, 'forbidden', 'Only the facilitator can do this.');
    return me;
  }

  /**
   * A new projector link (tokens are stored hashed, so an old link cannot be shown again). Earlier
   * projector links stop working, so a link that leaked can be replaced.
   */
  async newProjectorLink(id: string, authorization: string | undefined): Promise<{ projectorPath: string }> {
    await this.requireFacilitator(id, authorization);
    for (const p of await this.workshops.participantsOf(id)) {
      if (p.access === 'projector' && !p.revoked && (await this.workshops.revokeParticipant(id, p.id)))
        await this.events.removed(id, p.id);
    }
    return {
      projectorPath: projectorPath(
        id as WorkshopId,
        await this.addPerson(id, PROJECTOR_NAME, '', 'other', 'projector'),
      ),
    };
  }

  /** The facilitator removes someone: their token stops working and their connections close. */
  async remove(id: string, authorization: string | undefined, participantId: string): Promise<void> {
    await this.requireFacilitator(id, authorization);
    const target = await this.workshops.getParticipant(id, participantId);
    if (target?.access !== 'participant') throw new HttpError(404, 'not_found', 'There is no such participant.');
    if (await this.workshops.revokeParticipant(id, participantId)) await this.events.removed(id, participantId);
  }

  async join(id: string, body: unknown): Promise<JoinResponse> {
    const w = await this.info(id);
    const input = validateJoin(
      body,
      w.partners.map((p) => p.id),
    );
    if (!input.ok) throw new HttpError(400, 'invalid', 'Check your name, partner and role.', input.errors);
    const token = newToken();
    const participantId = newParticipantId();
    const { name, partner, role } = input.value;
    await this.workshops.addParticipant(
      { id: participantId, workshopId: id, name, partner, role, access: 'participant' },
      hashToken(token),
    );
    await this.events.joined(id, {
      id: participantId,
      name,
      partner,
      role,
      access: 'participant',
      joinedAt: Date.now(),
      removed: false,
    });
    return { participantId, token };
  }

  /**
   * [H5] Someone at the table without a device: the facilitator or a participant adds them with a name,
   * partner and role, so cards, "eens namens" and the participation figures can credit them. They get
   * no link: their token is drawn and thrown away, so nobody can connect as them.
   */
  async addWithoutDevice(
    id: string,
    authorization: string | undefined,
    body: unknown,
  ): Promise<{ participantId: string }> {
    const me = await this.whoAmI(id, authorization);
    if (me.access !== 'facilitator' && me.access !== 'participant')
      throw new HttpError(403, 'forbidden', 'Only the facilitator or a participant can add someone.');
    const w = await this.info(id);
    const input = validateJoin(
      body,
      w.partners.map((p) => p.id),
    );
    if (!input.ok) throw new HttpError(400, 'invalid', 'Check the name, partner and role.', input.errors);
    const participantId = newParticipantId();
    const { name, partner, role } = input.value;
    await this.workshops.addParticipant(
      { id: participantId, workshopId: id, name, partner, role, access: 'participant' },
      hashToken(newToken()),
    );
    await this.events.joined(id, {
      id: participantId,
      name,
      partner,
      role,
      access: 'participant',
      joinedAt: Date.now(),
      removed: false,
      noDevice: true,
    });
    return { participantId };
  }

  async whoAmI(id: string, authorization: string | undefined): Promise<WhoAmIResponse> {
    await this.info(id);
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    if (!isTokenShaped(token)) throw new HttpError(401, 'unauthorized', 'This link is not valid.');
    const p = await this.workshops.findParticipantByToken(id, hashToken(token));
    if (!p || p.revoked) throw new HttpError(401, 'unauthorized', 'This link is not valid (any more).');
    return { participantId: p.id as never, name: p.name, partner: p.partner, role: p.role, access: p.access };
  }

  demoAvailable(): boolean {
    return readSampleWorkshop(this.demoFixturePath, DEFAULT_LANG) !== null;
  }

  /** A new workshop filled with the demo, in `lang` when there is one: joint map and every partner's own map. */
  async createDemo(lang: Lang = DEFAULT_LANG): Promise<CreateWorkshopResponse> {
    const sample = readSampleWorkshop(this.demoFixturePath, lang);
    if (!sample) throw new HttpError(404, 'not_found', 'No demo workshop is available on this server.');
    const { response, partners } = await this.createFrom(
      sample.title,
      sample.partners.map((p) => p.name),
      undefined,
      sample.flow,
      lang,
    );
    const ourId = new Map(sample.partners.map((p, i) => [p.id, partners[i].id]));
    const partnerOf = (sampleId: string) => ourId.get(sampleId) ?? '';
    await this.docs.compact(roomName(response.id, JOINT_MAP), response.id, seedMap(sample.jointMap, sample, partnerOf));
    for (const [samplePartner, cards] of Object.entries(sample.partnerMaps)) {
      const pid = ourId.get(samplePartner);
      if (!pid || !Array.isArray(cards)) continue;
      const room = roomName(response.id, partnerMapName(pid as PartnerId));
      await this.docs.compact(room, response.id, seedMap(cards, sample, partnerOf));
    }
    return response;
  }
}
