/** The constants alone: importing them pulls in no text and no data. */
export * from './generated/constants.ts';
