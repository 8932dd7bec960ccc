import { AccessLogEntry } from '../access-log/access-log.entity.js';
import { Attachment } from '../attachments/attachment.entity.js';
import { AttachmentBlob } from '../attachments/storage/attachment-blob.entity.js';
import { CalendarDay } from '../calendar/calendar-day.entity.js';
import { CaseCounter } from '../cases/case-counter.entity.js';
import { CaseEvent } from '../cases/case-event.entity.js';
import { Case } from '../cases/case.entity.js';
import { Category } from '../categories/category.entity.js';
import { Channel } from '../channels/channel.entity.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { CaseChain, TimelineBackfill } from '../timeline/case-chain.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { User } from '../users/user.entity.js';

export const ENTITIES = [GridUnit, Department, Channel, Category, User, Resident, CalendarDay, CaseCounter, Case, CaseEvent, Attachment, AttachmentBlob, AccessLogEntry, CaseChain, TimelineBackfill];
