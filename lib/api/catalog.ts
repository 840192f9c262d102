import "server-only";
import { getDashboardEndpoint } from "@/lib/dashboard/api";
import {
  downloadBulletinJobEndpoint,
  getBulletinEndpoint,
  getBulletinJobEndpoint,
  startBulletinJobEndpoint,
} from "@/lib/bulletins/api";
import {
  createEnterpriseEndpoint,
  getEnterpriseEndpoint,
  listEnterprisesEndpoint,
  mergeEnterpriseEndpoint,
  mergePreviewEndpoint,
  moveEnterpriseEndpoint,
  updateEnterpriseEndpoint,
} from "@/lib/enterprises/api";
import {
  claimCompletionEndpoint,
  downloadEvidenceEndpoint,
  getLedgerItemEndpoint,
  listEntriesEndpoint,
  listLedgerItemsEndpoint,
  recordProgressEndpoint,
  uploadEvidenceEndpoint,
} from "@/lib/ledger/api";
import { getMe } from "@/lib/me/api";
import {
  listCommentsEndpoint,
  listMentionableEndpoint,
  postCommentEndpoint,
} from "@/lib/comments/api";
import {
  deleteSavedViewEndpoint,
  listSavedViewsEndpoint,
  saveViewEndpoint,
} from "@/lib/saved-views/api";
import { listNotificationsEndpoint, markNotificationsReadEndpoint } from "@/lib/notifications/api";
import {
  actOnNoticeEndpoint,
  getNoticeEndpoint,
  getNoticePdfEndpoint,
  issueNoticeEndpoint,
  listNoticesEndpoint,
  noticeGroupsEndpoint,
  replyNoticeEndpoint,
} from "@/lib/notices/api";
import { batchDecisionEndpoint, reviewEntryEndpoint, reviewQueueEndpoint } from "@/lib/review/api";
import {
  fileRoundEndpoint,
  listRoundsEndpoint,
  openRoundEndpoint,
  remindLateUnitsEndpoint,
  roundStatusEndpoint,
} from "@/lib/rounds/api";
import {
  copyProgrammeEndpoint,
  createCategoryEndpoint,
  createProgrammeEndpoint,
  createTaskEndpoint,
  deleteCategoryEndpoint,
  deleteTaskEndpoint,
  getProgrammeEndpoint,
  getTaskEndpoint,
  listProgrammesEndpoint,
  listTasksEndpoint,
  updateCategoryEndpoint,
  updateProgrammeEndpoint,
  updateTaskEndpoint,
} from "@/lib/catalogue/api";
import {
  assignTasksEndpoint,
  matrixEndpoint,
  setApplicabilityEndpoint,
} from "@/lib/assignments/api";
import {
  exportCatalogueEndpoint,
  exportLedgerEndpoint,
  exportRegistryEndpoint,
} from "@/lib/exports/api";
import { getImportJobEndpoint, importWorkbookEndpoint } from "@/lib/imports/api";
import { listAuditEndpoint } from "@/lib/audit/api";
import {
  changeOwnPasswordEndpoint,
  createUserEndpoint,
  getUserEndpoint,
  listUsersEndpoint,
  resetPasswordEndpoint,
  updateUserEndpoint,
} from "@/lib/users/api";
import {
  createTokenEndpoint,
  listTokensEndpoint,
  revokeTokenEndpoint,
} from "@/lib/users/token-api";
import type { Endpoint } from "./endpoint";

/** Every /api/v1 endpoint, for the OpenAPI document. A new endpoint is added here and in app/api/v1. */
export const API_ENDPOINTS: readonly Endpoint[] = [
  getMe,
  listEnterprisesEndpoint,
  getEnterpriseEndpoint,
  listLedgerItemsEndpoint,
  getLedgerItemEndpoint,
  listEntriesEndpoint,
  recordProgressEndpoint,
  claimCompletionEndpoint,
  uploadEvidenceEndpoint,
  downloadEvidenceEndpoint,
  listCommentsEndpoint,
  postCommentEndpoint,
  listMentionableEndpoint,
  listSavedViewsEndpoint,
  saveViewEndpoint,
  deleteSavedViewEndpoint,
  reviewQueueEndpoint,
  reviewEntryEndpoint,
  batchDecisionEndpoint,
  listNotificationsEndpoint,
  markNotificationsReadEndpoint,
  listRoundsEndpoint,
  openRoundEndpoint,
  roundStatusEndpoint,
  fileRoundEndpoint,
  remindLateUnitsEndpoint,
  listNoticesEndpoint,
  noticeGroupsEndpoint,
  getNoticeEndpoint,
  getNoticePdfEndpoint,
  issueNoticeEndpoint,
  replyNoticeEndpoint,
  actOnNoticeEndpoint,
  getDashboardEndpoint,
  getBulletinEndpoint,
  startBulletinJobEndpoint,
  getBulletinJobEndpoint,
  downloadBulletinJobEndpoint,
  listProgrammesEndpoint,
  createProgrammeEndpoint,
  getProgrammeEndpoint,
  updateProgrammeEndpoint,
  copyProgrammeEndpoint,
  createCategoryEndpoint,
  updateCategoryEndpoint,
  deleteCategoryEndpoint,
  listTasksEndpoint,
  createTaskEndpoint,
  getTaskEndpoint,
  updateTaskEndpoint,
  deleteTaskEndpoint,
  assignTasksEndpoint,
  setApplicabilityEndpoint,
  matrixEndpoint,
  exportCatalogueEndpoint,
  exportRegistryEndpoint,
  exportLedgerEndpoint,
  importWorkbookEndpoint,
  getImportJobEndpoint,
  changeOwnPasswordEndpoint,
  listUsersEndpoint,
  createUserEndpoint,
  getUserEndpoint,
  updateUserEndpoint,
  resetPasswordEndpoint,
  listTokensEndpoint,
  createTokenEndpoint,
  revokeTokenEndpoint,
  listAuditEndpoint,
  createEnterpriseEndpoint,
  updateEnterpriseEndpoint,
  moveEnterpriseEndpoint,
  mergePreviewEndpoint,
  mergeEnterpriseEndpoint,
];
