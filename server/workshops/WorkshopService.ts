import type { CreateWorkshopResponse, JoinResponse, WhoAmIResponse, WorkshopInfo } from '../../shared/api.js';
import { facilitatorPath, participantPath } from '../../shared/api.js';
import { newParticipantId, newWorkshopId, type PartnerId, type WorkshopId } from '../../shared/ids.js';
import { partnerColor, partnerIdFrom, type Partner } from '../../shared/partners.js';
import { JOINT_MAP, partnerMapName, roomName } from '../../shared/protocol.js';
import { validateJoin, validateNewWorkshop } from '../../shared/validation.js';
import { hashToken, isTokenShaped, newToken } from '../auth/tokens.js';
import { HttpError } from '../http/respond.js';
import type { DocStore, WorkshopStore } from '../store/Store.js';
import { readSampleWorkshop, seedMap } from './sampleWorkshop.js';

const FACILITATOR_NAME = 'Begeleider';

/** Workshops and the people in them: creation, joining, token checks. */
export class WorkshopService {
  constructor(
    private readonly workshops: WorkshopStore,
    private readonly docs: DocStore,
    private readonly demoFixturePath: string | null,
  ) {}

  create(body: unknown): CreateWorkshopResponse {
    const input = validateNewWorkshop(body);
    if (!input.ok) throw new HttpError(400, 'invalid', 'Check the title and the partner names.', input.errors);
    return this.createFrom(input.value.title, input.value.partners).response;
  }

  private createFrom(title: string, partnerNames: string[]) {
    const id = newWorkshopId();
    const taken = new Set<string>();
    const partners: Partner[] = partnerNames.map((name, i) => {
      const pid = partnerIdFrom(name, taken);
      taken.add(pid);
      return { id: pid, name, color: partnerColor(i) };
    });
    this.workshops.createWorkshop({ id, title, createdAt: Date.now(), partners });
    const token = newToken();
    this.workshops.addParticipant(
      { id: newParticipantId(), workshopId: id, name: FACILITATOR_NAME, partner: '', role: 'other', access: 'facilitator' },
      hashToken(token),
    );
    const response: CreateWorkshopResponse = {
      id,
      participantPath: participantPath(id),
      facilitatorPath: facilitatorPath(id, token),
      facilitatorToken: token,
    };
    return { response, partners };
  }

  info(id: string): WorkshopInfo {
    const w = this.workshops.getWorkshop(id);
    if (!w) throw new HttpError(404, 'not_found', 'This workshop does not exist (any more).');
    return { id: w.id as WorkshopId, title: w.title, createdAt: w.createdAt, partners: w.partners };
  }

  join(id: string, body: unknown): JoinResponse {
    const w = this.info(id);
    const input = validateJoin(body, w.partners.map((p) => p.id));
    if (!input.ok) throw new HttpError(400, 'invalid', 'Check your name, partner and role.', input.errors);
    const token = newToken();
    const participantId = newParticipantId();
    this.workshops.addParticipant(
      { id: participantId, workshopId: id, name: input.value.name, partner: input.value.partner, role: input.value.role, access: 'participant' },
      hashToken(token),
    );
    return { participantId, token };
  }

  whoAmI(id: string, authorization: string | undefined): WhoAmIResponse {
    this.info(id);
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    if (!isTokenShaped(token)) throw new HttpError(401, 'unauthorized', 'This link is not valid.');
    const p = this.workshops.findParticipantByToken(id, hashToken(token));
    if (!p || p.revoked) throw new HttpError(401, 'unauthorized', 'This link is not valid (any more).');
    return { participantId: p.id as never, name: p.name, partner: p.partner, role: p.role, access: p.access };
  }

  demoAvailable(): boolean {
    return readSampleWorkshop(this.demoFixturePath) !== null;
  }

  /** A new workshop filled with the sample: joint map and every partner's own map. */
  createDemo(): CreateWorkshopResponse {
    const sample = readSampleWorkshop(this.demoFixturePath);
    if (!sample) throw new HttpError(404, 'not_found', 'No demo workshop is available on this server.');
    const { response, partners } = this.createFrom(sample.title, sample.partners.map((p) => p.name));
    const ourId = new Map(sample.partners.map((p, i) => [p.id, partners[i].id]));
    const partnerOf = (sampleId: string) => ourId.get(sampleId) ?? '';
    this.docs.compact(roomName(response.id, JOINT_MAP), response.id, seedMap(sample.jointMap, sample, partnerOf));
    for (const [samplePartner, cards] of Object.entries(sample.partnerMaps)) {
      const pid = ourId.get(samplePartner);
      if (!pid || !Array.isArray(cards)) continue;
      const room = roomName(response.id, partnerMapName(pid as PartnerId));
      this.docs.compact(room, response.id, seedMap(cards, sample, partnerOf));
    }
    return response;
  }
}
