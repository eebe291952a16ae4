/** The AlarmStore: the foundation's store widened to the alarm tables (store.ts). */
import type { AlarmStore } from '../../../services/alarm-ports.js';
import type { Database } from '../connection.js';
import '../schema-alarm.js';
import { createUnitOfWork } from '../store.js';
import {
  alarmRepository,
  conversationRepository,
  deviceRepository,
  incidentRegisterRepository,
  reportVersionRepository,
} from './alarm.repository.js';

export const createAlarmStore = (database: Database): AlarmStore =>
  createUnitOfWork(database, (db, dialect) => ({
    conversations: conversationRepository(db),
    alarms: alarmRepository(db, dialect),
    devices: deviceRepository(db),
    incidentRegister: incidentRegisterRepository(db),
    reportVersions: reportVersionRepository(db),
  }));
